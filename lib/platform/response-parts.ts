/**
 * A fetch Response as an adapter sees it (CrmResponse): headers by lower-case name, the body parsed
 * when it says it is JSON, else its text. Shared by the background's fetch and the content script's
 * same-origin page fetch, so both transports hand adapters the same shape.
 */
export async function responseParts(response: Response): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const text = await response.text();
  let body: unknown = text;
  if (/\bjson\b/i.test(headers['content-type'] ?? '') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers, body };
}

/**
 * The CRM content script on custom origins. The manifest's content script runs only on the
 * built-in CRM hosts (CRM_PAGE_HOSTS); a host permission granted at runtime (a custom CRM domain in
 * options, a custom CRM profile's site) gets the SAME built files through one runtime registration
 * (`scripting.registerContentScripts`), kept equal to the granted patterns on install, browser start
 * and every permission change. The script then asks the background whether the page is a record
 * of a CRM it knows there; a granted origin with no CRM named shows nothing.
 */
import { browser } from 'wxt/browser';
import { runtimePagePatterns } from '../crm/hosts';
import { planRegistration, scriptTemplate, type RegistrationStep, type ScriptRegistration } from './custom-origins';
import { grantedOrigins } from './custom-origins-storage';

let queue: Promise<unknown> = Promise.resolve();

/** The browser's type says "js or css"; the plan always carries js. */
type Registered = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

/**
 * Make the runtime registration cover exactly the granted page patterns not covered by the
 * manifest. Idempotent (reads the registration first; does nothing when it already matches) and
 * serialised, so an install and a permission event arriving together cannot register twice.
 * Resolves to the step taken; never rejects (a failure is logged and the next event retries).
 */
export function syncGrantedContentScripts(): Promise<RegistrationStep> {
  const run = queue.then(sync).catch((error: unknown) => {
    console.warn('Deal Coach: could not register the content script for custom CRM domains', error);
    return { kind: 'none' } as const;
  });
  queue = run;
  return run;
}

async function sync(): Promise<RegistrationStep> {
  const template = scriptTemplate(browser.runtime.getManifest());
  if (!template) return { kind: 'none' };
  const [registered, granted] = await Promise.all([browser.scripting.getRegisteredContentScripts(), grantedOrigins()]);
  const step = planRegistration(registered as ScriptRegistration[], runtimePagePatterns(granted), template);
  switch (step.kind) {
    case 'register':
      await browser.scripting.registerContentScripts([step.script as Registered]);
      break;
    case 'update':
      await browser.scripting.updateContentScripts([step.script as Registered]);
      break;
    case 'unregister':
      await browser.scripting.unregisterContentScripts({ ids: [step.id] });
      break;
    case 'none':
      break;
  }
  return step;
}

/** Background wiring: re-sync on install / update, browser start and any host permission change; `onChange` hears the permission changes too. */
export function keepContentScriptsRegistered(onChange: () => void = () => undefined): void {
  const resync = () => {
    onChange();
    void syncGrantedContentScripts();
  };
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
}

/**
 * The Maven CRM dataset's companion files (sales_teams.csv, products.csv), which the pipeline
 * refers to by name. Both loaders report rows they cannot use instead of throwing.
 */
import { parseCsvSync, type CsvError } from './csv';
import { findColumn } from './mapping';
import { readMoney } from './values';

export interface TeamInfo {
  manager: string;
  office: string;
}

export interface ProductInfo {
  series: string;
  /** List price; null when the cell is empty or unreadable. */
  price: number | null;
}

/** sales_teams.csv (sales_agent, manager, regional_office) → owner name → manager and office. */
export function parseTeams(text: string): { teams: Map<string, TeamInfo>; errors: CsvError[] } {
  const parsed = parseCsvSync(text);
  const errors = [...parsed.errors];
  const teams = new Map<string, TeamInfo>();
  const [agent, manager, office] = ['sales_agent', 'manager', 'regional_office'].map((c) => findColumn(parsed.header, c));
  if (agent! < 0 || manager! < 0) {
    errors.push({ row: 1, message: 'expected columns sales_agent, manager and regional_office' });
    return { teams, errors };
  }
  parsed.rows.forEach((row, i) => {
    const name = row[agent!]!.trim();
    if (name === '') {
      errors.push({ row: parsed.rowNumbers[i]!, message: 'no sales_agent' });
      return;
    }
    if (teams.has(name)) errors.push({ row: parsed.rowNumbers[i]!, message: `sales_agent "${name}" is listed twice; the first row is used` });
    else teams.set(name, { manager: row[manager!]!.trim(), office: office! >= 0 ? row[office!]!.trim() : '' });
  });
  return { teams, errors };
}

/** products.csv (product, series, sales_price) → product name → series and list price. */
export function parseProducts(text: string): { products: Map<string, ProductInfo>; errors: CsvError[] } {
  const parsed = parseCsvSync(text);
  const errors = [...parsed.errors];
  const products = new Map<string, ProductInfo>();
  const [product, series, price] = ['product', 'series', 'sales_price'].map((c) => findColumn(parsed.header, c));
  if (product! < 0) {
    errors.push({ row: 1, message: 'expected columns product, series and sales_price' });
    return { products, errors };
  }
  parsed.rows.forEach((row, i) => {
    const name = row[product!]!.trim();
    const rowNumber = parsed.rowNumbers[i]!;
    if (name === '') {
      errors.push({ row: rowNumber, message: 'no product name' });
      return;
    }
    const money = price! >= 0 ? readMoney(row[price!]!, '.') : null;
    if (money === undefined) errors.push({ row: rowNumber, message: `sales_price "${row[price!]}" is not a number` });
    if (products.has(name)) errors.push({ row: rowNumber, message: `product "${name}" is listed twice; the first row is used` });
    else products.set(name, { series: series! >= 0 ? row[series!]!.trim() : '', price: money ? money.value : null });
  });
  return { products, errors };
}

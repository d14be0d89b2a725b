/** CSV import: parse an export, map its columns, turn rows into validated Deals with a quality report. */
export { parseCsv, parseCsvSync, stripBom, DELIMITERS, type CsvError, type Delimiter, type ParseCsvOptions, type ParsedCsv } from './csv';
export {
  ColumnMap,
  ColumnMapping,
  DEAL_FIELDS,
  StageRule,
  detectPreset,
  exportFormatKey,
  findColumn,
  guessStageCategory,
  headerScore,
  matchHeaders,
  presetLabel,
  presetMapping,
  stageRule,
  suggestMapping,
  type ColumnMappingInput,
  type DealField,
  type HeaderMatch,
} from './mapping';
export { PRESETS, type PresetDefinition, type PresetId } from './presets';
export { parseProducts, parseTeams, type ProductInfo, type TeamInfo } from './maven';
export { DataQualityReport, RowSample, formatQualityReport } from './quality';
export { rowsToDeals, businessFromType, type ImportResult, type ParsedRows, type RowsToDealsOptions } from './to-deals';
export { DATE_FORMATS, detectDateFormat, detectDecimalMark, type DateFormat, type DecimalMark, type ProbabilityScale } from './values';

/** The fault matrix (matrix.ts) for the salesforce CRM: eight API faults, one browser. */
import { faultMatrix } from './matrix';

faultMatrix('salesforce');

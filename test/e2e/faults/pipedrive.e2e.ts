/** The fault matrix (matrix.ts) for the pipedrive CRM: eight API faults, one browser. */
import { faultMatrix } from './matrix';

faultMatrix('pipedrive');

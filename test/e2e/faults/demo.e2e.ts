/** The fault matrix (matrix.ts) for the demo CRM: eight API faults, one browser. */
import { faultMatrix } from './matrix';

faultMatrix('demo');

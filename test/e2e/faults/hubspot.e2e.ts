/** The fault matrix (matrix.ts) for the hubspot CRM: eight API faults, one browser. */
import { faultMatrix } from './matrix';

faultMatrix('hubspot');

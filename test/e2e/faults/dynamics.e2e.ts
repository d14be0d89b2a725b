/** The fault matrix (matrix.ts) for the dynamics CRM: eight API faults, one browser. */
import { faultMatrix } from './matrix';

faultMatrix('dynamics');

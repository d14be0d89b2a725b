/** Entry for the options page: importing this module also imports the options CSS. */
import './options.css';

export { OptionsPage } from './OptionsPage';

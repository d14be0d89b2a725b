/** Entry for the popup page: importing this module also imports the popup's CSS. */
import './popup.css';

export { Popup } from './Popup';

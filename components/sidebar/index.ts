/**
 * Entry for the content script: importing this module also imports the sidebar's CSS, which
 * WXT (cssInjectionMode 'ui') injects into the closed shadow root of createShadowRootUi.
 */
import './sidebar.css';

export { Sidebar } from './Sidebar';

/**
 * The typed messengers (protocol in protocol.ts). Importing this file only creates two small
 * objects; listeners are added by whoever calls `onMessage`.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackgroundProtocol, TabProtocol } from './protocol';

/** Content scripts and extension pages → background. */
export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();

/** Background → the content script of one tab (always its top frame). */
export const tabMessenger = defineExtensionMessaging<TabProtocol>();

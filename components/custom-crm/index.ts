export { ProfileEditor } from './ProfileEditor';
export type { PickTarget, ProfileEditorProps } from './ProfileEditor';
export { LivePreview, formatReadValue } from './LivePreview';
export type { LivePreviewProps, LivePreviewState } from './LivePreview';
export { PickOverlayHint, confidenceWord, describeLocator } from './PickOverlayHint';
export type { PickedValue, PickOverlayHintProps } from './PickOverlayHint';
export { emptyProfile } from './editor-model';
export { CustomCrmsSection } from './CustomCrmsSection';
export type { CustomCrmsSectionProps, CustomCrmTabChoice } from './CustomCrmsSection';

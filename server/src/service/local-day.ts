/** The centre's calendar day of an instant: one definition, shared with the screens. */
export { localDay } from '@gfa/shared';

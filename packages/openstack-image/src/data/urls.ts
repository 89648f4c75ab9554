import { imagePath } from '../images/urls.js';

/** @internal `images/{id}/file`: the image data. */
export const imageFilePath = (id: string): string => `${imagePath(id)}/file`;
/** @internal `images/{id}/stage`: the staging area of `glance-direct` imports. */
export const imageStagePath = (id: string): string => `${imagePath(id)}/stage`;

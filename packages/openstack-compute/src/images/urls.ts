import { encodeSegment } from '@cloud/core/service';

export const imagesPath = () => 'images';
export const imagesDetailPath = () => 'images/detail';
export const imagePath = (id: string) => `images/${encodeSegment(id)}`;

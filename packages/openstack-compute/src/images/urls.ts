import { encodeSegment } from '@cloud/core';

export const imagesPath = () => 'images';
export const imagesDetailPath = () => 'images/detail';
export const imagePath = (id: string) => `images/${encodeSegment(id)}`;

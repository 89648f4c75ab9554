export const limitsPath = () => 'limits';

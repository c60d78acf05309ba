/** The languages of labels and messages: Vietnamese (the default) and English. */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

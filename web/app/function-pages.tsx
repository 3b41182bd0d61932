import type { ComponentType, LazyExoticComponent } from 'react';

type PageMap = Record<string, LazyExoticComponent<ComponentType>>;

/** Every `web/features/<area>/pages.ts`: each exports `pages`, its function id → lazy page. */
const modules = import.meta.glob<PageMap>('../features/*/pages.ts', { eager: true, import: 'pages' });

/**
 * Pages of the functions that are built, by function id (contracts/functions.ts). A function
 * opens as a tab only when it is `ready` in the catalogue AND has a page here. A feature adds
 * its pages in its own `pages.ts`; nothing here changes.
 */
export const FUNCTION_PAGES: PageMap = Object.assign({}, ...Object.values(modules));

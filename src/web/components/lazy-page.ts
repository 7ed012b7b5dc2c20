import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A page's code could not be fetched (the network, or a version installed since: PageLoad). */
export class PageCodeUnavailable extends Error {
  constructor(cause: unknown) {
    super('The page’s code could not be fetched', { cause });
    this.name = 'PageCodeUnavailable';
  }
}

// A page of any props, as React.lazy itself takes it: the route elements type-check the props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Page = ComponentType<any>;

/**
 * A page whose code is a chunk of its own, downloaded the first time the page is shown: the
 * sign-in and search pages then carry only their own code, not every page of the app. `name` is
 * the page's export in its module (the pages are named exports, React.lazy wants a default).
 */
export function lazyPage<Module extends Record<Name, Page>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  return lazy(async () => {
    let module: Module;
    try {
      module = await load();
    } catch (error) {
      throw new PageCodeUnavailable(error);
    }
    return { default: module[name] };
  });
}

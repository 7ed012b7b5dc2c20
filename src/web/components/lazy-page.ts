import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { needWholeCatalogue } from '../i18n/shown-catalogue.ts';

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

function lazyModule<Module extends Record<Name, Page>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
  wholeCatalogue: boolean,
): LazyExoticComponent<Module[Name]> {
  return lazy(async () => {
    let module: Module;
    try {
      [module] = await Promise.all([load(), wholeCatalogue ? needWholeCatalogue() : null]);
    } catch (error) {
      throw new PageCodeUnavailable(error);
    }
    return { default: module[name] };
  });
}

/**
 * A page whose code is a chunk of its own, downloaded the first time the page is shown: the
 * sign-in and search pages then carry only their own code, not every page of the app. `name` is
 * the page's export in its module (the pages are named exports, React.lazy wants a default).
 * The page waits for the whole catalogue of the page's language too, fetched alongside its code
 * the first time any such page is shown (the first screens have only their own part of it).
 */
export function lazyPage<Module extends Record<Name, Page>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  return lazyModule(load, name, true);
}

/**
 * A first screen (the sign-in and search pages): a chunk of its own like any page, whose texts
 * are all in the first-screen part of the catalogue, so it does not wait for the rest. A test of
 * the built bundle (test/web/bundle.test.ts) finds the keys it uses and holds it to that.
 */
export function firstScreenPage<Module extends Record<Name, Page>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  return lazyModule(load, name, false);
}

// The page's one WebContainer: every WebContainerRuntime on the page shares this booter, so
// the container boots at most once however often the workbench asks.
import { ContainerBooter } from './container-booter.ts';
import { loadWebContainerApi } from './webcontainer-api.ts';
import { WebContainerRuntime } from './webcontainer-runtime.ts';

const booter = new ContainerBooter({ loadApi: loadWebContainerApi });

export function pageContainerRuntime(): Promise<WebContainerRuntime> {
  return WebContainerRuntime.start(booter);
}

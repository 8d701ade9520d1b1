// The Python modules each server installs in Pyodide, by module name.
import { appLoaderModule } from './app-loader-py.ts';
import { wsgiHostModule } from './wsgi-host-py.ts';
import { wsgiInputModule } from './wsgi-input-py.ts';
import { asgiHostModule } from './asgi-host-py.ts';
import { asgiLifespanModule } from './asgi-lifespan-py.ts';

export const wsgiHostModules = {
  course_app_loader: appLoaderModule,
  course_wsgi_input: wsgiInputModule,
  course_wsgi_host: wsgiHostModule,
};

export const asgiHostModules = {
  course_app_loader: appLoaderModule,
  course_asgi_lifespan: asgiLifespanModule,
  course_asgi_host: asgiHostModule,
};

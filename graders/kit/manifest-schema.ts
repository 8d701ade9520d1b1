// The lab manifest: `labs/<id>/manifest.json`. The site, the `lab` CLI and every grader read
// labs through this one schema, so a lab that parses here works everywhere.
// zod/mini, not full zod: every grader bundle carries this file, and zod/mini's functions
// tree-shake to the few a schema uses. Descriptions are registered with z.describe().
import * as z from 'zod/mini';

export const labIdSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lab id is kebab-case: lowercase words joined by "-"'),
    z.describe('Folder name under labs/, used in URLs and in `npm run lab -- check <id>`.'),
  );

export const checkSlugSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a check slug is kebab-case and says what it checks'),
    z.describe('Stable name of a check, e.g. "serves-static-files".'),
  );

/** A relative path inside the lab folder: no leading "/", no "." or ".." segments, no backslashes. */
function isLabFilePath(path: string): boolean {
  return path.length > 0 && !path.startsWith('/') && !/[\\\0]/.test(path) && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

const bundlePathSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9._-]*)+$/i, 'a path under public/bundles/, e.g. "engines/nginx.mjs"'));

/** A non-empty string with a description: the shape of most manifest fields. */
const text = (description: string) => z.string().check(z.minLength(1), z.describe(description));

export const manifestCheckSchema = z.object({
  slug: checkSlugSchema,
  title: text('What the check verifies, as a learner reads it.'),
  hint: text('What to look at when the check fails.'),
});

export const labManifestSchema = z.strictObject({
  id: labIdSchema,
  title: text('Title shown on the lab card and page.'),
  chapter: text('Id of the chapter the lab belongs to (content/chapters/<id>.mdx).'),
  summary: text('One or two sentences: what the learner builds.'),
  files: z
    .object({
      editable: z
        .array(z.string().check(z.minLength(1)))
        .check(z.minLength(1), z.describe('Paths, relative to the lab work folder, the learner edits.')),
      readonly: z
        ._default(z.array(z.string().check(z.minLength(1))), [])
        .check(z.describe('Paths shown but not editable (fixtures, provided modules).')),
      provided: z
        ._default(
          z.record(z.string(), bundlePathSchema).check(
            z.superRefine((provided, context) => {
              for (const path of Object.keys(provided)) {
                if (!isLabFilePath(path)) context.addIssue({ code: 'custom', path: [path], message: `"${path}" is not a path inside the lab folder: write it relative, without "." or ".." segments, e.g. "course-nginx.mjs"` });
              }
            }),
          ),
          {},
        )
        .check(
          z.describe('Built files the course puts into the work folder, read-only: work-folder path → path under public/bundles/ (see scripts/bundle.ts). Never committed in starter/ or solution/.'),
        ),
    })
    .check(z.describe('Which starter files the learner may edit.')),
  start: z
    .object({
      command: text('Program to run, e.g. "node".'),
      args: z._default(z.array(z.string()), []).check(z.describe('Arguments, e.g. ["server.js"].')),
    })
    .check(z.describe('How the learner program is started inside its work folder.')),
  ports: z
    .array(z.int().check(z.minimum(1024), z.maximum(65535)))
    .check(z.minLength(1), z.describe('Ports the learner program listens on; the first is passed as PORT.')),
  checks: z.array(manifestCheckSchema).check(z.minLength(1), z.describe('The grader checks, in the order they run.')),
});

export type LabManifest = z.infer<typeof labManifestSchema>;
export type LabManifestInput = z.input<typeof labManifestSchema>;
export type ManifestCheck = z.infer<typeof manifestCheckSchema>;

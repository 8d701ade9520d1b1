// The lab manifest: `labs/<id>/manifest.json`. The site, the `lab` CLI and every grader read
// labs through this one schema, so a lab that parses here works everywhere.
import { z } from 'zod';

export const labIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lab id is kebab-case: lowercase words joined by "-"')
  .describe('Folder name under labs/, used in URLs and in `npm run lab -- check <id>`.');

export const checkSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a check slug is kebab-case and says what it checks')
  .describe('Stable name of a check, e.g. "serves-static-files".');

/** A relative path inside the lab folder: no leading "/", no "." or ".." segments, no backslashes. */
function isLabFilePath(path: string): boolean {
  return path.length > 0 && !path.startsWith('/') && !/[\\\0]/.test(path) && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

const bundlePathSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9._-]*)+$/i, 'a path under public/bundles/, e.g. "engines/nginx.mjs"');

export const manifestCheckSchema = z.object({
  slug: checkSlugSchema,
  title: z.string().min(1).describe('What the check verifies, as a learner reads it.'),
  hint: z.string().min(1).describe('What to look at when the check fails.'),
});

export const labManifestSchema = z
  .object({
    id: labIdSchema,
    title: z.string().min(1).describe('Title shown on the lab card and page.'),
    chapter: z.string().min(1).describe('Id of the chapter the lab belongs to (content/chapters/<id>.mdx).'),
    summary: z.string().min(1).describe('One or two sentences: what the learner builds.'),
    files: z
      .object({
        editable: z.array(z.string().min(1)).min(1).describe('Paths, relative to the lab work folder, the learner edits.'),
        readonly: z.array(z.string().min(1)).default([]).describe('Paths shown but not editable (fixtures, provided modules).'),
        provided: z
          .record(z.string(), bundlePathSchema)
          .superRefine((provided, context) => {
            for (const path of Object.keys(provided)) {
              if (!isLabFilePath(path)) context.addIssue({ code: 'custom', path: [path], message: `"${path}" is not a path inside the lab folder: write it relative, without "." or ".." segments, e.g. "course-nginx.mjs"` });
            }
          })
          .default({})
          .describe('Built files the course puts into the work folder, read-only: work-folder path → path under public/bundles/ (see scripts/bundle.ts). Never committed in starter/ or solution/.'),
      })
      .describe('Which starter files the learner may edit.'),
    start: z
      .object({
        command: z.string().min(1).describe('Program to run, e.g. "node".'),
        args: z.array(z.string()).default([]).describe('Arguments, e.g. ["server.js"].'),
      })
      .describe('How the learner program is started inside its work folder.'),
    ports: z
      .array(z.number().int().min(1024).max(65535))
      .min(1)
      .describe('Ports the learner program listens on; the first is passed as PORT.'),
    checks: z.array(manifestCheckSchema).min(1).describe('The grader checks, in the order they run.'),
  })
  .strict();

export type LabManifest = z.infer<typeof labManifestSchema>;
export type LabManifestInput = z.input<typeof labManifestSchema>;
export type ManifestCheck = z.infer<typeof manifestCheckSchema>;

// Serves the built site on loopback for the browser tests.
import type { TestProject } from 'vitest/node';
import { startPreview } from './server';

export default async function setup(project: TestProject) {
  const server = await startPreview();
  project.provide('baseURL', server.baseURL);
  return server.stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

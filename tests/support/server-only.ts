// In tests the "server-only" marker is a no-op: tests run on the server side anyway.
export {};

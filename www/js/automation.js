// The coordinator and demo pages' automation API, `window.wsts` (e2e tests,
// scripts/demo.sh): thin calls into the SDK's coordinator.

/** Expose a small automation API on `window.wsts`. */
export function exposeApi(app) {
  window.wsts = {
    app,
    ready: () => app.waitForSigners(),
    runDkg: (opts) => app.runDkg(opts),
    sign: (messageHex, type, opts) => app.sign(messageHex, type, opts),
    reshare: (opts) => app.reshare(opts),
    refresh: (opts) => app.refresh(opts),
    repair: (id, opts) => app.repair(id, opts),
    state: () => JSON.parse(JSON.stringify(app.state())),
    report: () => JSON.parse(JSON.stringify(app.report())),
    persisted: () => app.persisted(),
    misbehave: (id, spec) => app.setMisbehaviour(id, spec),
    behave: (id) => app.setMisbehaviour(id, null),
  };
  return window.wsts;
}

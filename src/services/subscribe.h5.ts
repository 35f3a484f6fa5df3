/** H5: no subscribe messages in a browser (the local cloud's outbox records what would be sent). */
export function askForNotices(_templateIds: (string | undefined)[]): void {}

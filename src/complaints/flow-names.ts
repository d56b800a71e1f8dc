// Dialogue names of this module, shared by the flows and by the steps that start them for
// someone else (a question from an official opens the reporter's reply step).
export const FILE_FLOW = 'complaint-file';
export const ACT_FLOW = 'complaint-act';

/** Payload prefix of buttons inside these dialogues; unregistered on purpose so they reach the flow. */
export const FLOW_PREFIX = 'cpi';

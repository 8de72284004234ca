export { deadLetterReasons, discardDeadLetters, exportDeadLetters, retryDeadLetters } from './dead-letters';
export { endpointStates, pausedEndpoints, resumeEndpoint } from './endpoint-state';
export { type DeliveryDeps, type FlushResult, flush } from './flush';
export { AUTH_REFUSED, type Decision, decide } from './outcome';
export { PARK_AFTER_MS } from './settle';

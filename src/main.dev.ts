// The development build's entry: the production entry points and the
// self-check (menu ตรวจสอบกับ Google). Built only by `npm run build:dev`.
export * from './main';
export { runSelfCheck } from './dev/selfcheck';

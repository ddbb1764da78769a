import { prefetchFirstScreen } from "./services/first-screen";

/**
 * The first entry module, a small one without React: it runs as soon as it arrives and sends the
 * first screen's requests (the sign-in, the first page of the feed), while app.ts — the app itself,
 * five times its size — is still on its way over a slow link.
 */
prefetchFirstScreen();

// How API keys are kept at rest: the window passes an OS-backed box (Electron's safeStorage); the headless
// core has none, so keys come from the environment there. Imports: nothing.

export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

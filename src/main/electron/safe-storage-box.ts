// Seals API keys with the OS keychain through Electron's safeStorage, for the core's settings store.
// Imports: electron, the core's SecretBox type.
import { safeStorage } from 'electron';
import type { SecretBox } from '../core/llm/secret-box.ts';

/** Null when the OS offers no encryption (a Linux session without a keyring): keys then come from the environment. */
export function safeStorageBox(): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

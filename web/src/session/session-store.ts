// The signed-in user's bearer token, kept for the browser tab only (closing the tab signs out).
const TOKEN_KEY = 'eco.dashboard.token';

export function storedToken(): string | null {
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string): void {
  window.sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  window.sessionStorage.removeItem(TOKEN_KEY);
}

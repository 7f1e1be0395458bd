/** Static fake credentials for tests: collection against local endpoints never reaches, or needs, a real account. */

export const FAKE_CREDENTIALS = () => Promise.resolve({ accessKeyId: "testing", secretAccessKey: "testing", sessionToken: "testing" });

export function useFakeCredentialEnv(): void {
  process.env["AWS_ACCESS_KEY_ID"] = "testing";
  process.env["AWS_SECRET_ACCESS_KEY"] = "testing";
  process.env["AWS_SESSION_TOKEN"] = "testing";
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
  delete process.env["AWS_PROFILE"];
}

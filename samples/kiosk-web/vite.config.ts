import { defineConfig } from "vite";

// The kiosk is served from its own origin, http://localhost:5173, which the API's Development profile allows
// (src/StudioApi/appsettings.Development.json): the browser enforces CORS exactly as in a real deployment.
export default defineConfig({
  server: { host: "localhost", port: 5173, strictPort: true },
  preview: { host: "localhost", port: 5173, strictPort: true },
  build: { target: "es2022" },
});

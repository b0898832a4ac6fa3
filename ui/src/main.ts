import { mount } from "svelte";
import "./app.css";
import App from "./shell/App.svelte";

mount(App, { target: document.getElementById("app")! });

// The first frame with the app on screen: a timer set in an animation frame runs after that
// frame is painted. `scripts/e2e --measure` reads it (WebKitGTK has no paint timing entries).
requestAnimationFrame(() => setTimeout(() => performance.mark("dossier:first-frame")));

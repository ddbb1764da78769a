// The whole of zmp-ui's stylesheet: its per-component ones are not the same rules (no modal mask, other
// header padding), and a cut-down copy would leave unstyled any component a screen starts to use.
import "zmp-ui/zaui.css";
import "./css/app.css";
import "./css/pages.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { LoaPhuongApp } from "./components/app";

const container = document.getElementById("app");
if (!container) throw new Error("index.html has no #app element");
createRoot(container).render(createElement(LoaPhuongApp));

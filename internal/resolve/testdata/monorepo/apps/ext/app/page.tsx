import { util } from "util-local";

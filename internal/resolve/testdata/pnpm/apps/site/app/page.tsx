import { core } from "@p/core";

"use client";

// Imports the action module, so that its actions are reachable from the
// browser as they are in an app whose client code calls them.
import * as actions from "@/app/t/actions";

export const allActions = [actions];

"use client";

// Imports every action module, so that each action is reachable from the
// browser as it is in an app whose client code calls it.
import * as actions0 from "@/app/actions";
import * as actions1 from "@/app/admin/actions";

export const allActions = [actions0, actions1];

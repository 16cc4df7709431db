"use client";

// Imports every action module, so that each action is reachable from the
// browser as it is in an app whose client code calls it.
import * as actions0 from "@/app/billing/actions";
import * as actions1 from "@/app/posts/actions";
import * as actions2 from "@/app/posts/lucia-actions";
import * as actions3 from "@/app/share/actions";

export const allActions = [actions3, actions0, actions1, actions2];

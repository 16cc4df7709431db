"use client";

// Imports every action module, so that each action is reachable from the
// browser as it is in an app whose client code calls it.
import * as actions0 from "@/app/rules/actions";
import * as actions1 from "@/app/rules/broken";
import * as actions2 from "@/app/rules/clerk";
import * as actions3 from "@/app/rules/public";
import * as actions4 from "@/app/rules/supabase";
import * as actions5 from "@/app/rules/vendor";

export const allActions = [actions0, actions1, actions2, actions3, actions4, actions5];

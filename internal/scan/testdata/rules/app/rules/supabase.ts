"use server";

import { createClient } from "@/lib/supabase";

export async function addTodo(title: string) { // want "unverified-guard P2"
  const supabase = await createClient();
  const { data } = await supabase.auth.getSession();
  if (!data.session) throw new Error("Unauthorized");
  await supabase.from("todos").insert({ title });
}

export async function addTodoChecked(title: string) {
  const supabase = await createClient();
  const { data, error } = await supabase.auth.getUser();
  if (error || !data.user) throw new Error("Unauthorized");
  await supabase.from("todos").insert({ title, user_id: data.user.id });
}

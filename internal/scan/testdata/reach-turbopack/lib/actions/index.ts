export { createPost } from "./posts";

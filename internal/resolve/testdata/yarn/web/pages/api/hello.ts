import { shared } from "yarn-shared/helpers";

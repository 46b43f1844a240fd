import { innokraftProject } from "../../vitest.shared.js"

export default innokraftProject("web")

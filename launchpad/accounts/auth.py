api_auth = None
